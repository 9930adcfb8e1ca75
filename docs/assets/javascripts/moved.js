/*
 * Loaded only by the old address of a moved page (docs/<old>/index.html),
 * which names the new page in its canonical link. A meta refresh or
 * mkdocs-redirects' page drops the query, so `?view=engineer` was lost on the
 * way; this keeps it, and the #fragment, and leaves no history entry behind.
 * A file, not an inline script, so a strict Content-Security-Policy allows it.
 */
// The query and fragment pass on as written, never decoded here: the new
// page's head script makes malformed ones harmless.
var canonical = document.querySelector('link[rel="canonical"]');
if (canonical) location.replace(canonical.href.split(/[?#]/)[0] + location.search + location.hash);
