"""What every page carries once: the app's stylesheet (the classes ``markup.py`` and
``recordmarkup.py`` use, the phone and print rules), the script that keeps the view in the
page links' addresses, and the one that scrolls to the paragraph a link names. All are
constants: nothing from the text or URL is written in.
"""

import json

from casebook.links import CASE_KEY, FILTER_KEY, MATCH_KEY

# The keyboard focus ring: the theme's accent (.streamlit/config.toml, primaryColor), which
# stands 5.2:1 off the light page and 3.5:1 off the dark one (tests/test_deploy.py).
FOCUS_COLOUR = "#0072B2"
# The light theme's chart text: 6.9:1 on white (checked by tests/e2e/test_accessibility.py).
CHART_TEXT = "#555a6b"

STYLE = """
<style>
/* keyboard focus: a solid ring on every link, disclosure and the scrolling page (WCAG 2.4.7,
   1.4.11). Streamlit marks a focused menu or page link with a faint background only, and
   other controls with a ring at half strength */
a[href]:focus-visible,summary:focus-visible{outline:2px solid FOCUS_COLOUR;
  outline-offset:2px}
[data-testid='stMain']:focus-visible{outline:2px solid FOCUS_COLOUR;outline-offset:-2px}
/* Streamlit's chart theme writes axis labels, values beside bars, legends and the colour
   bar's title in a grey 3.7:1 off the light page, where WCAG 1.4.3 asks 4.5:1 of text
   this size. Plotly writes the colour into each text's style, so the rule finds it by that
   value and darkens it (6.9:1); the dark theme's light grey is another value, left alone */
.stPlotlyChart text[style*='fill: rgb(128, 132, 149)']{fill:CHART_TEXT !important}
/* A page's sections are h2 under its h1 (st.header: no level skipped, WCAG 1.3.1), drawn
   at the size of Streamlit's h3 as they always were */
[data-testid='stMainBlockContainer'] [data-testid='stHeading'] h2{font-size:1.75rem;
  padding:0.75rem 0 1rem}
.cb-badge{display:inline-block;padding:0.05rem 0.55rem;margin:0 0.3rem 0.25rem 0;
  border-radius:1rem;font-size:0.8rem;font-weight:600;line-height:1.5;border:2px solid;
  color:inherit}
.cb-dot{display:inline-block;width:0.6rem;height:0.6rem;border-radius:50%;
  margin-right:0.35rem;vertical-align:0.02rem}
/* Streamlit dims a caption with opacity 0.6, links too (under 4.5:1): its text is dimmed
   by colour instead, so a link in it keeps the link colour whole */
.stApp [data-testid='stCaptionContainer']{opacity:1;
  color:color-mix(in srgb,currentColor 80%,transparent)}
@media (max-width:640px){.stPlotlyChart .modebar-container{display:none}}
[class*='st-key-url-state']{display:none}
[class*='st-key-phone-only']{display:none}
@media (max-width:640px){[class*='st-key-phone-only']{display:block}
  [class*='st-key-wide-only']{display:none}}
/* a fragment drawn as HTML (ui.render_html) spaced and ruled as a Markdown element is */
.cb-block{display:flow-root;margin-bottom:-1rem;line-height:1.6}
.cb-block :is(.cb-bars,.cb-heat,.cb-counts){margin:0 0 1rem 0;padding:0}
.cb-block :is(.cb-bars,.cb-heat){border-collapse:collapse}
.cb-block :is(.cb-bars,.cb-heat) tr{border-top:1px solid rgba(128,128,128,0.45)}
/* a caption and a row of badges inside an HTML fragment, as st.caption and a Markdown line
   of badges look (the section page's side column) */
.cb-block .cb-caption{font-size:0.875rem;margin:0 0 1rem 0;
  color:color-mix(in srgb,currentColor 80%,transparent)}
.cb-block .cb-badges{margin:0 0 1rem 0}
/* the overview's codeline (codelinemarkup.py): a grid of marks, one row a theme */
.cb-codeline{margin:0 0 1rem 0}
.cb-cl{display:grid;grid-auto-rows:1.7rem;align-items:center;font-size:0.8rem;
  padding-right:0.9rem} /* room for the last tick's label, centred on the last mark */
.cb-cl-theme{padding-right:0.7rem;white-space:nowrap}
.cb-cl-mark{display:block;height:1rem;margin:0 12%;min-width:2px;border-radius:1px;
  position:relative;z-index:1;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.cb-cl-mark:hover{outline:2px solid currentColor;outline-offset:1px}
.cb-cl-start{align-self:stretch;justify-self:start;width:0;
  border-left:1px solid rgba(128,128,128,0.45)}
.cb-cl-tick{justify-self:center;white-space:nowrap;font-size:0.75rem;
  font-variant-numeric:tabular-nums;color:color-mix(in srgb,currentColor 80%,transparent)}
.cb-codeline figcaption{text-align:center;font-size:0.8rem;
  color:color-mix(in srgb,currentColor 80%,transparent)}
.cb-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
  clip:rect(0,0,0,0);white-space:nowrap;border:0}
.cb-grid{border-collapse:collapse;font-size:0.8rem;width:100%}
.cb-grid th,.cb-grid td{padding:0.2rem 0.15rem;text-align:right;
  border-bottom:1px solid rgba(128,128,128,0.3)}
.cb-grid th{font-size:0.72rem}
.cb-grid th:first-child,.cb-grid td:first-child{text-align:left}
.cb-heat{border-collapse:separate;border-spacing:2px;font-size:0.85rem;width:100%;
  caption-side:bottom}
.cb-heat caption{text-align:left;font-size:0.8rem;padding-top:0.3rem;
  color:color-mix(in srgb,currentColor 80%,transparent)}
.cb-heat thead th{font-weight:600;font-size:0.8rem;text-align:center;padding:0.2rem;
  border-bottom:4px solid transparent;vertical-align:bottom}
.cb-heat thead th:first-child{text-align:left}
.cb-heat tbody th{font-weight:400;text-align:left;padding:0.25rem 0.5rem 0.25rem 0;
  line-height:1.25}
.cb-heat td{text-align:center;padding:0.25rem 0.2rem;min-width:2.8rem;width:14%;
  border-radius:3px;font-variant-numeric:tabular-nums;-webkit-print-color-adjust:exact;
  print-color-adjust:exact}
.cb-heat .cb-level-2{padding-left:0.9rem}.cb-heat .cb-level-3{padding-left:1.8rem}
.cb-heat .cb-level-4{padding-left:2.7rem}
/* an element that only carries a script (and style) takes no room between the others */
[data-testid='stElementContainer']:has(> .stHtml > script){display:none}
/* the case list opens as wide as its titles need (a report's runs past the sidebar) */
[data-testid='stSelectboxVirtualDropdown']:has([role='listbox'][aria-label='Case']){
  width:min(44rem,calc(100vw - 2rem))!important}
.cb-heat td.cb-parent{text-align:left;font-size:0.8rem;font-style:italic;padding-left:0.5rem}
.cb-heat th,.cb-heat td{border:none}  /* the heading's rule above wins: it is more specific */
@media (max-width:640px){.cb-heat{font-size:0.78rem}.cb-heat thead th{font-size:0.68rem}
  .cb-heat td{min-width:2.2rem}}
.cb-bars{border-collapse:collapse;width:100%;font-size:0.9rem;caption-side:bottom;
  margin-bottom:0.5rem}
.cb-bars caption{text-align:left;font-size:0.8rem;padding-top:0.4rem;
  color:color-mix(in srgb,currentColor 80%,transparent)}
.cb-bars thead th{font-weight:600;font-size:0.8rem;text-align:left;padding:0 0 0.2rem 0}
.cb-bars tbody th{font-weight:400;text-align:left;padding:0.3rem 0.6rem 0.3rem 0;
  white-space:nowrap;width:1%}
.cb-bars td{padding:0.3rem 0;width:99%}
.cb-bars th,.cb-bars td{border:none}
.cb-track{display:flex;align-items:center;gap:0.4rem;width:calc(100% - 3.4rem)}
.cb-bar{display:block;height:1.1rem;border-radius:2px;flex:none;min-width:1px;
  -webkit-print-color-adjust:exact;print-color-adjust:exact}
.cb-bars .cb-value{font-variant-numeric:tabular-nums;white-space:nowrap}
/* the overview's index: a section's link wraps on a narrow screen (Streamlit cuts it) */
.st-key-section-index [data-testid='stPageLink-NavLink'] > span:last-child,
.st-key-section-index [data-testid='stPageLink-NavLink'] p{white-space:normal;overflow:visible;
  line-height:1.45}
.cb-events{padding-left:1.1rem;font-size:0.9rem}.cb-events li{margin:0.15rem 0}
/* a page's counts: four to a row, two on a phone */
.cb-counts{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:0.5rem 1rem;
  margin:0 0 1rem 0}
.cb-counts dt{font-size:0.875rem;font-weight:400;margin:0}
.cb-counts dd{font-size:2.25rem;line-height:1.3;margin:0;font-variant-numeric:tabular-nums;
  overflow-wrap:anywhere}
.cb-count-note{display:block;font-size:0.8rem;line-height:1.3;
  color:color-mix(in srgb,currentColor 80%,transparent)}
@media (max-width:640px){.cb-counts{grid-template-columns:repeat(2,minmax(0,1fr))}
  .cb-counts dd{font-size:1.6rem}}
/* a Markdown table wider than a phone (the method's agreement table) scrolls inside itself,
   so the page does not scroll sideways (WCAG 1.4.10 allows it for a data table) */
@media (max-width:640px){[data-testid='stMarkdownContainer'] table{display:block;
  max-width:100%;overflow-x:auto}
  [data-testid='stMarkdownContainer'] :is(th,td){padding:0.35rem 0.5rem}}
.st-key-print-only{display:none}
@media print{
  [data-testid='stSidebar'],[data-testid='stHeader'],[data-testid='stToolbar'],
  [data-testid='stSidebarCollapsedControl'],[data-testid='stDecoration'],
  [data-testid='stExpander'],[data-testid='stDownloadButton'],[data-testid='stPopover'],
  .modebar-container,[class*='st-key-url-state'],.st-key-filter-bar,
  [class*='st-key-screen-only']{display:none !important}
  /* on paper: no icons (their names would land in a PDF's text), no shut details (a
     summary alone), no instruction to click */
  [data-testid='stIconMaterial'],details:not([open]),.cb-screen{display:none !important}
  .st-key-print-only{display:block !important}
  .stApp,[data-testid='stAppViewContainer'],[data-testid='stMain']{position:static !important;
    overflow:visible !important;height:auto !important}
  .stMainBlockContainer{padding:0 !important;max-width:100% !important}
  [data-testid='stPlotlyChart'],.cb-codeline,.cb-para,.cb-fact,.cb-claim{break-inside:avoid}
}
.stMainBlockContainer{padding-top:3rem}
.cb-para{padding:0.35rem 0 0.35rem 0.9rem;margin:0.2rem 0 0.1rem 0;
  border-left:4px solid rgba(128,128,128,0.25)}
.cb-para p{margin:0.15rem 0 0 0}
.cb-para.cb-match{background:rgba(0,114,178,0.07)}
.cb-muted{opacity:0.7;font-size:0.85rem}
.cb-para:target,.cb-para.cb-target{outline:3px solid #B26B00;outline-offset:4px;
  background:rgba(230,159,0,0.12)}
.cb-kwic{font-size:0.95rem;margin:0.2rem 0}
.cb-kwic mark{background:#F0E442;color:#000000;padding:0 0.15rem;border-radius:0.2rem}
.cb-link{font-size:0.85rem}
.cb-share{margin-bottom:0.6rem}
.cb-share code{display:block;white-space:normal;word-break:break-all;font-size:0.8rem;
  user-select:all}
.cb-claim{border-left:4px solid #B26B00;padding:0.3rem 0.8rem;margin:0.2rem 0 0.4rem 1.2rem;
  font-size:0.9rem;background:rgba(128,128,128,0.06)}
.cb-claim q{font-style:italic}
.cb-claim summary{cursor:pointer;font-size:0.85rem;opacity:0.85}
.cb-evidence{margin:0 0 0.5rem 0.9rem;font-size:0.9rem}
.cb-evidence summary{cursor:pointer;line-height:24px;font-size:0.85rem}
.cb-evidence ul{margin:0.2rem 0 0.2rem 1.2rem;padding:0}
.cb-fact{padding:0.4rem 0.8rem;margin:0.3rem 0;border:1px solid rgba(128,128,128,0.3);
  border-radius:0.5rem}
.cb-value{font-size:1.05rem;font-weight:600;margin:0.15rem 0}
.cb-sources{margin:0.2rem 0 0 1rem;padding:0;font-size:0.85rem}
[data-testid='stHorizontalBlock']>[data-testid='stElementContainer']:has(>.stPageLink){
  max-width:100%}
[data-testid='stHorizontalBlock'] .stPageLink :is(span,p){white-space:normal}
</style>
""".replace("FOCUS_COLOUR", FOCUS_COLOUR).replace("CHART_TEXT", CHART_TEXT)


# Scrolls to the element named by the URL's #fragment once the page has drawn it. Streamlit
# scrolls to its own heading anchors on load, not to anchors inside Markdown. A constant:
# nothing from the text or the URL is written into it; the id is looked up, never evaluated.
SCROLL_TO_FRAGMENT = """
<script>
(function () {
  var id;
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
  if (!id || window.__casebookScrolled === window.location.href) { return; }
  var tries = 0;
  (function look() {
    var target = document.getElementById(id);
    if (target) {
      window.__casebookScrolled = window.location.href;
      target.scrollIntoView({block: "center"});
    } else if (tries++ < 40) {
      window.setTimeout(look, 100);
    }
  })();
})();
</script>
"""

# Streamlit's menu and page links point at a page alone ("/iv-transition-planning"): a
# click keeps the view (the app adds the case and filter), but a link opened in a new tab,
# copied or shared opened the default case there ("Page not found" when it has no such
# page). Just before a link is used (pointed at, pressed, focused, its menu opened), its
# address takes the view's parameters from the page's own URL.
KEEP_VIEW_IN_LINKS = """
<script>
(function () {
  if (window.__casebookLinks) { return; }
  window.__casebookLinks = true;
  var KEYS = VIEW_KEYS;
  var PLACES = "[data-testid='stSidebarNav'], [data-testid='stPageLink']";
  function withView(link) {
    var target;
    try { target = new URL(link.getAttribute("href"), window.location.href); } catch (e) { return; }
    if (target.origin !== window.location.origin || !link.closest(PLACES)) { return; }
    var here = new URLSearchParams(window.location.search), view = new URLSearchParams();
    KEYS.forEach(function (key) {
      here.getAll(key).forEach(function (value) { view.append(key, value); });
    });
    target.search = view.toString();
    link.setAttribute("href", target.pathname + target.search + target.hash);
  }
  ["mouseover", "mousedown", "contextmenu", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link) { withView(link); }
    }, true);
  });
})();
</script>
""".replace("VIEW_KEYS", json.dumps([CASE_KEY, FILTER_KEY, MATCH_KEY]))
