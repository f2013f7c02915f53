// Entry of the agent inbox single-page app (served at /inbox/).

import { render } from 'preact';
import { App } from './app.tsx';

const root = document.getElementById('app');
if (root) render(<App />, root);
