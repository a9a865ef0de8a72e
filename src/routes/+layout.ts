// Client-only SPA: the camera, the worker and the models exist only in the browser.
export const ssr = false;
export const prerender = false;
