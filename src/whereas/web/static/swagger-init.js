// Swagger UI over the local OpenAPI document (a file, not an inline script: the CSP forbids those).
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.dataset.spec, dom_id: "#swagger-ui", deepLinking: true });
});
