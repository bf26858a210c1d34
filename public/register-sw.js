// Registers sw.js (next to this file, scoped to the site's base path) and, when the host sent no
// cross-origin isolation headers, reloads the page once so that the worker can add them. Without
// service workers (or when blocked) the site still works, single-threaded. The versions for the
// worker's caches come from this script's own URL (?assets=…&build=…, set by astro.config.mjs).
(function () {
  var script = document.currentScript;
  var root = document.documentElement;
  var RELOADED = 'tflite-lab-isolation-reload';
  function settle(mode) {
    root.dataset.isolation = mode;
    document.dispatchEvent(new CustomEvent('tflite-lab:isolation', { detail: mode }));
  }
  if (!script || !('serviceWorker' in navigator) || !window.isSecureContext) {
    settle(window.crossOriginIsolated ? 'headers' : 'none');
    return;
  }
  var src = new URL(script.src);
  var scope = src.pathname.replace(/[^/]*$/, '');
  var sw = navigator.serviceWorker;

  function askMode() {
    if (!window.crossOriginIsolated) return settle('none');
    if (!sw.controller) return settle('headers');
    var channel = new MessageChannel();
    var timer = setTimeout(function () { settle('headers'); }, 1000);
    channel.port1.onmessage = function (event) {
      clearTimeout(timer);
      settle(event.data === 'service-worker' ? 'service-worker' : 'headers');
    };
    sw.controller.postMessage({ type: 'isolation-mode' }, [channel.port2]);
  }

  if (window.crossOriginIsolated) sessionStorage.removeItem(RELOADED);
  else if (!sessionStorage.getItem(RELOADED)) {
    // Reload once the worker controls this page; once only, so a browser that refuses isolation
    // anyway is not caught in a loop.
    var reload = function () {
      sessionStorage.setItem(RELOADED, '1');
      location.reload();
    };
    if (sw.controller) reload();
    else sw.addEventListener('controllerchange', reload);
  }
  sw.register(scope + 'sw.js' + src.search, { scope: scope }).then(askMode, function () {
    settle(window.crossOriginIsolated ? 'headers' : 'none');
  });
})();
