import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { fetcher } from './fetcher';
import { DEFAULT_HEADERS, DEFAULT_QUERY } from './defaults';

// The header editor starts open, since almost every query needs the token. Headers are never
// persisted (GraphiQL would keep them in localStorage): a token lives only as long as the tab.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
    />
  </StrictMode>,
);
