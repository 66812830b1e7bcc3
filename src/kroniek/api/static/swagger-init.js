// Swagger UI over this server's OpenAPI description (a file, so no inline script is needed).
window.addEventListener("load", function () {
  "use strict";
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
