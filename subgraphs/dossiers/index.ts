import { main } from '../kit/subgraph';
import { dossiersSubgraph } from './subgraph';

main(dossiersSubgraph);
