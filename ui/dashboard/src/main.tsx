import { createRoot } from 'react-dom/client';

function App() {
  return <h1>VSS Graph</h1>;
}

createRoot(document.getElementById('root')!).render(<App />);
