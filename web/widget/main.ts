// Entry of widget.js, loaded with a classic <script> tag: registers <baton-chat>. The
// default server is the origin the script came from, so embedding needs no attribute.

import { BatonChatElement } from './baton-chat.ts';

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) BatonChatElement.defaultServer = new URL(script.src, location.href).origin;

if (!customElements.get('baton-chat')) customElements.define('baton-chat', BatonChatElement);
