// Records every Content-Security-Policy (and Trusted Types) violation on this page from the
// moment the page starts, for the test that loads it in an iframe. A classic script: it runs
// before the module scripts, and is allowed by script-src 'self'.
(function () {
  var seen = [];
  window.__cspViolations = seen;
  document.addEventListener(
    'securitypolicyviolation',
    function (event) {
      seen.push({
        directive: event.effectiveDirective || event.violatedDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
        source: event.sourceFile + ':' + event.lineNumber,
      });
    },
    true,
  );
  window.addEventListener('error', function (event) {
    (window.__pageErrors = window.__pageErrors || []).push(String(event.message));
  });
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    (window.__pageErrors = window.__pageErrors || []).push(String((reason && reason.message) || reason));
  });
})();
