// Every test file's `fetch` notes the secrets test servers answer it with, so that the log
// sentry looks for them (test/helpers/noting-fetch.ts).
import { installNotingFetch } from '../helpers/noting-fetch.ts';

installNotingFetch();
