import { main } from '../kit/subgraph';
import { proceduresSubgraph } from './subgraph';

main(proceduresSubgraph);
