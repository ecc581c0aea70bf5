// First: tracing must hook require() before the modules it traces load (kit/instrument.ts).
import '../kit/instrument';
import { main } from '../kit/subgraph';
import { documentsSubgraph } from './subgraph';

main(documentsSubgraph);
