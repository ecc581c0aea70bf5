// First: tracing must hook require() before the modules it traces load (kit/instrument.ts).
import '../kit/instrument';
import { main } from '../kit/subgraph';
import { proceduresSubgraph } from './subgraph';

main(proceduresSubgraph);
