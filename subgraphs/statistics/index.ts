import { main } from '../kit/subgraph';
import { statisticsSubgraph } from './subgraph';

main(statisticsSubgraph);
