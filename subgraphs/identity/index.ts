import { main } from '../kit/subgraph';
import { identitySubgraph } from './subgraph';

main(identitySubgraph);
