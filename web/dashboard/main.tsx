// Entry of the supervisor dashboard (served at /dashboard/): analytics and the live view.

import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import { App } from './app.tsx';

const root = document.getElementById('app');
if (root) render(<App />, root);
