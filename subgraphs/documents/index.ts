// First: tracing must hook require() before the modules it traces load (platform/instrument.ts).
import '../../platform/instrument';
import { main } from '../../platform/subgraph';
import { documentsSubgraph } from './subgraph';

main(documentsSubgraph);
