/** When the server last heard from this tab, and when the person last touched it. */
let lastApi = Date.now();
let lastUser = Date.now();

export function markApiActivity() {
  lastApi = Date.now();
}
export function markUserActivity() {
  lastUser = Date.now();
}
export function activity() {
  return { lastApi, lastUser };
}
