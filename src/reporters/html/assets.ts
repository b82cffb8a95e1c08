import { createHash } from 'node:crypto';

/**
 * The page's only style and script, inline (the file must work alone, from
 * disk, with no network). The Content-Security-Policy allows exactly these
 * two by their SHA-256 hashes and nothing else: no other script runs, no
 * inline handler, no request leaves the page, so any markup that slipped
 * out of a diff would still be inert. Hashes of constants: the page stays
 * byte-identical from run to run.
 */
export const STYLE = `
:root { --fork: #0550ae; --upstream: #9a3412; --both: #6d28d9; --unknown: #57606a; --add: #dafbe1; --del: #ffebe9;
  --line: #d0d7de; --muted: #57606a; --bg: #ffffff; --fg: #1f2328; --alert: #b42318; --focus: #0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 4rem; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin-bottom: .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin-top: 1.25rem; }
.provenance, .muted { color: var(--muted); }
.headline { list-style: none; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; }
.headline li { margin: .2rem 0; }
.headline li.sub { margin-left: 1.5rem; }
.headline .alert, .notice { color: var(--alert); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.path { overflow-wrap: anywhere; display: inline-block; min-width: 18ch; }
th { background: #f6f8fa; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.wrap { overflow-wrap: anywhere; min-width: 16ch; }
td.wide { min-width: 36ch; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: .8rem; color: #fff; background: var(--unknown); white-space: nowrap; }
.badge.fork { background: var(--fork); } .badge.upstream { background: var(--upstream); } .badge.both { background: var(--both); }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; padding: .5rem 1rem; border: 1px solid var(--line); border-radius: 6px; }
.filters fieldset { border: 0; margin: 0; padding: 0; }
.filters legend { font-weight: 600; }
.filters label { margin-right: .75rem; white-space: nowrap; }
button { font: inherit; padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; cursor: pointer; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
details.file { border: 1px solid var(--line); border-left: 6px solid var(--unknown); border-radius: 6px; margin: .5rem 0; }
details.file > summary { padding: .35rem .75rem; cursor: pointer; overflow-wrap: anywhere; }
details.file.fork { border-left-color: var(--fork); } details.file.upstream { border-left-color: var(--upstream); } details.file.both { border-left-color: var(--both); }
details.long-tail { margin: .75rem 0; }
details.long-tail > summary { cursor: pointer; overflow-wrap: anywhere; }
.hunk { margin: .5rem .75rem .75rem; padding-left: .5rem; border-left: 3px solid var(--unknown); }
.hunk.fork { border-left-color: var(--fork); } .hunk.upstream { border-left-color: var(--upstream); } .hunk.both { border-left-color: var(--both); }
.hunk-head, .part-head { font: .85rem ui-monospace, monospace; color: var(--muted); }
.part { border-left: 4px solid var(--unknown); padding-left: .5rem; margin: .25rem 0; }
.part.fork { border-left-color: var(--fork); } .part.upstream { border-left-color: var(--upstream); }
pre { margin: 0; padding: .25rem .5rem; overflow-x: auto; font: .85rem/1.4 ui-monospace, monospace; }
pre ins, pre del { text-decoration: none; display: inline-block; min-width: 100%; }
pre ins { background: var(--add); } pre del { background: var(--del); }
[hidden] { display: none !important; }
`;

export const SCRIPT = `
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.filters');
  Array.prototype.forEach.call(forms, function (form) {
    var report = form.closest('section.report');
    var items = report.querySelectorAll('[data-side]');
    var count = form.querySelector('.filter-count');
    var checked = function (name) {
      var values = {};
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (input) { values[input.value] = true; });
      return values;
    };
    var update = function () {
      var categories = checked('category');
      var sides = checked('side');
      var shown = 0;
      var total = 0;
      Array.prototype.forEach.call(items, function (item) {
        var isShown = item.getAttribute('data-side').split(' ').some(function (side) { return sides[side] === true; }) &&
          item.getAttribute('data-categories').split(' ').some(function (id) { return categories[id] === true; });
        item.hidden = !isShown;
        if (item.classList.contains('finding')) { total += 1; if (isShown) shown += 1; }
      });
      count.textContent = 'Showing ' + shown + ' of ' + total + ' findings';
    };
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(update, 0); });
    Array.prototype.forEach.call(report.querySelectorAll('button[data-open]'), function (button) {
      button.addEventListener('click', function () {
        var isOpen = button.getAttribute('data-open') === 'true';
        Array.prototype.forEach.call(report.querySelectorAll('details.file'), function (details) { details.open = isOpen; });
      });
    });
    form.hidden = false;
    update();
  });
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
