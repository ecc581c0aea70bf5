// First: tracing must hook require() before the modules it traces load (kit/instrument.ts).
import '../kit/instrument';
import { main } from '../kit/subgraph';
import { identitySubgraph } from './subgraph';

main(identitySubgraph);
