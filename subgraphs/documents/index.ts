import { main } from '../kit/subgraph';
import { documentsSubgraph } from './subgraph';

main(documentsSubgraph);
