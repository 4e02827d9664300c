/**
 * @module serve/routes/docs-page
 * The /docs page: one self-contained HTML document (no CDN, no external file) whose inline
 * script fetches /openapi.json — with an API key typed into the page when the server needs
 * one — and renders the endpoints by tag: method, path, description, parameters, request and
 * response schemas, and each served model's input schema. Text is inserted with textContent,
 * never as HTML, so nothing in the document can inject markup.
 */

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Modelwright prediction server — API</title>
<style>
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d232b; background: #f7f8fa; }
  header { background: #1d232b; color: #fff; padding: 14px 24px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; font-weight: 600; }
  header input { padding: 5px 8px; border-radius: 4px; border: 0; min-width: 260px; }
  header button { padding: 5px 12px; border-radius: 4px; border: 0; background: #4c8bf5; color: #fff; cursor: pointer; }
  main { max-width: 1040px; margin: 0 auto; padding: 16px 24px 48px; }
  h2 { font-size: 16px; text-transform: uppercase; letter-spacing: .04em; color: #56606b; margin: 28px 0 8px; }
  details { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; margin: 6px 0; }
  summary { padding: 8px 12px; cursor: pointer; display: flex; gap: 10px; align-items: baseline; }
  .m { font: 600 12px ui-monospace, monospace; padding: 2px 6px; border-radius: 3px; color: #fff; min-width: 44px; text-align: center; }
  .GET { background: #2f8f5b; } .POST { background: #3b6fd6; } .PUT { background: #b7791f; } .DELETE { background: #c53030; }
  .p { font: 14px ui-monospace, monospace; } .s { color: #56606b; }
  .body { padding: 4px 14px 12px; border-top: 1px solid #eef0f3; }
  pre { background: #f3f5f7; padding: 10px; border-radius: 4px; overflow: auto; font-size: 12.5px; max-height: 420px; }
  table { border-collapse: collapse; font-size: 13.5px; } td, th { border-bottom: 1px solid #eef0f3; padding: 4px 10px 4px 0; text-align: left; }
  #status { color: #c53030; }
</style>
</head>
<body>
<header>
  <h1 id="title">Modelwright prediction server</h1>
  <input id="key" type="password" placeholder="API key (if the server requires one)" autocomplete="off">
  <button id="load">Load</button>
  <span id="status"></span>
</header>
<main id="root"><p>Loading /openapi.json…</p></main>
<script>
(function () {
  var root = document.getElementById('root');
  var status = document.getElementById('status');
  var keyInput = document.getElementById('key');
  keyInput.value = sessionStorage.getItem('mw-key') || '';
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function resolve(doc, s) {
    if (s && s.$ref) { var parts = s.$ref.replace(/^#\\//, '').split('/'); var o = doc; for (var i = 0; i < parts.length; i++) o = o && o[decodeURIComponent(parts[i])]; return o || s; }
    return s;
  }
  function schemaBlock(doc, title, schema) {
    var box = el('div'); box.appendChild(el('strong', '', title));
    box.appendChild(el('pre', '', JSON.stringify(resolve(doc, schema), null, 2))); return box;
  }
  function render(doc) {
    root.textContent = '';
    document.getElementById('title').textContent = (doc.info && doc.info.title || 'API') + ' ' + (doc.info && doc.info.version || '');
    if (doc.info && doc.info.description) root.appendChild(el('p', '', doc.info.description));
    var byTag = {};
    Object.keys(doc.paths || {}).forEach(function (path) {
      var item = doc.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method]; var tag = (op.tags && op.tags[0]) || (path.indexOf('/v1/models/') === 0 ? 'models' : 'other');
        (byTag[tag] = byTag[tag] || []).push({ path: path, method: method.toUpperCase(), op: op });
      });
    });
    Object.keys(byTag).sort().forEach(function (tag) {
      root.appendChild(el('h2', '', tag));
      byTag[tag].forEach(function (r) {
        var d = el('details'); var s = el('summary');
        s.appendChild(el('span', 'm ' + r.method, r.method)); s.appendChild(el('span', 'p', r.path)); s.appendChild(el('span', 's', r.op.summary || ''));
        d.appendChild(s);
        var b = el('div', 'body');
        if (r.op.description) b.appendChild(el('p', '', r.op.description));
        if (r.op.parameters && r.op.parameters.length) {
          var t = el('table'); var h = el('tr'); ['name', 'in', 'type', 'description'].forEach(function (x) { h.appendChild(el('th', '', x)); }); t.appendChild(h);
          r.op.parameters.forEach(function (p) { var tr = el('tr'); [p.name, p.in, p.schema && p.schema.type || '', (p.description || (p.schema && p.schema.description) || '')].forEach(function (x) { tr.appendChild(el('td', '', String(x))); }); t.appendChild(tr); });
          b.appendChild(t);
        }
        var rb = r.op.requestBody && r.op.requestBody.content;
        if (rb) Object.keys(rb).forEach(function (ct) { b.appendChild(schemaBlock(doc, 'Request body (' + ct + ')', rb[ct].schema)); });
        Object.keys(r.op.responses || {}).forEach(function (code) {
          var c = r.op.responses[code].content; if (!c) return;
          Object.keys(c).forEach(function (ct) { b.appendChild(schemaBlock(doc, 'Response ' + code + ' (' + ct + ')', c[ct].schema)); });
        });
        d.appendChild(b); root.appendChild(d);
      });
    });
    var schemas = (doc.components && doc.components.schemas) || {};
    var names = Object.keys(schemas).filter(function (n) { return /\\.row$/.test(n); });
    if (names.length) {
      root.appendChild(el('h2', '', 'model input schemas'));
      names.forEach(function (n) { var d = el('details'); d.appendChild(el('summary', 'p', n.replace(/\\.row$/, ''))); var b = el('div', 'body'); b.appendChild(el('pre', '', JSON.stringify(schemas[n], null, 2))); d.appendChild(b); root.appendChild(d); });
    }
  }
  function load() {
    var key = keyInput.value.trim(); sessionStorage.setItem('mw-key', key);
    status.textContent = '';
    fetch('openapi.json', { headers: key ? { Authorization: 'Bearer ' + key } : {} })
      .then(function (r) { if (!r.ok) throw new Error('GET /openapi.json answered ' + r.status + (r.status === 401 || r.status === 403 ? ': enter an API key' : '')); return r.json(); })
      .then(render)
      .catch(function (e) { status.textContent = e.message; root.textContent = ''; });
  }
  document.getElementById('load').addEventListener('click', load);
  load();
})();
</script>
</body>
</html>
`;
