/** The reader's stylesheet: small, inline, system fonts, dark mode from the system setting. */
export const STYLE = `
:root{--bg:#fbfbfa;--fg:#1d1f23;--muted:#5d636e;--line:#e3e4e8;--card:#fff;--accent:#0b5cad;--up:#137a3a;--down:#b3261e;--warn:#8a5a00;--chip:#eef2f7}
@media (prefers-color-scheme:dark){:root{--bg:#111317;--fg:#e7e9ee;--muted:#9aa1ad;--line:#2a2e36;--card:#181b21;--accent:#7db4ff;--up:#5cc784;--down:#ff8a80;--warn:#e2b45a;--chip:#232833}}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--card);padding:6px 10px;z-index:9}
header.site{border-bottom:1px solid var(--line);background:var(--card)}
header.site .in{max-width:1080px;margin:0 auto;padding:10px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header.site .brand{font-weight:700;font-size:1.15rem;color:var(--fg);text-decoration:none;letter-spacing:-.01em}
header.site nav{display:flex;gap:14px;flex-wrap:wrap}header.site nav a{color:var(--muted);text-decoration:none}header.site nav a:hover{color:var(--fg)}
main{max-width:1080px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.25;margin:.2em 0 .4em;letter-spacing:-.01em}
.list{list-style:none;margin:0;padding:0}
.item{display:grid;grid-template-columns:minmax(0,1fr);gap:4px;padding:14px 0;border-bottom:1px solid var(--line)}
.item h2{font-size:1.08rem;margin:0;line-height:1.35}.item h2 a{color:var(--fg);text-decoration:none}.item h2 a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:.86rem;display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.excerpt{margin:2px 0 0;color:var(--fg);opacity:.88;font-size:.95rem}
.badge{display:inline-block;font-size:.72rem;padding:1px 7px;border-radius:999px;background:var(--chip);color:var(--muted)}
.badge.bad{color:var(--down)}.badge.ok{color:var(--up)}.badge.demo{color:var(--warn)}
article.body{max-width:720px}
article.body .content{font-size:1.06rem}article.body .content img{max-width:100%;height:auto}
article.body .content figure{margin:1em 0}article.body .content blockquote{border-left:3px solid var(--line);margin:1em 0;padding:0 1em;color:var(--muted)}
.attribution{margin-top:28px;padding:14px 16px;border:1px solid var(--line);border-radius:8px;background:var(--card);font-size:.9rem;color:var(--muted)}
.pager{display:flex;justify-content:space-between;padding:18px 0}
table.sources{width:100%;border-collapse:collapse;font-size:.92rem}table.sources th,table.sources td{text-align:left;padding:8px 6px;border-bottom:1px solid var(--line);vertical-align:top}
table.sources td.err{color:var(--down);max-width:420px;word-break:break-word}
.wrap{overflow-x:auto}
footer.site{max-width:1080px;margin:24px auto;padding:16px;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form.search{display:flex;gap:6px;flex:1 1 240px;min-width:0}form.search input{flex:1;min-width:0}
input,select,button{font:inherit;color:var(--fg);background:var(--card);border:1px solid var(--muted);border-radius:6px;padding:6px 9px}
button{cursor:pointer;background:var(--accent);border-color:var(--accent);color:var(--bg);font-weight:600}
select:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:end;margin:0 0 8px}.filters label{display:flex;flex-direction:column;font-size:.82rem;color:var(--muted);gap:2px}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:6px;margin:4px 0 0;padding:0}
.chip{display:inline-block;font-size:.78rem;font-weight:600;padding:1px 8px;border-radius:999px;background:var(--chip);color:var(--accent);text-decoration:none}
mark{background:#ffe58a;color:#1d1f23;border-radius:2px;padding:0 1px}
.live{position:fixed;left:50%;transform:translateX(-50%);top:12px;z-index:5;background:var(--accent);color:var(--bg);padding:8px 16px;border-radius:999px;box-shadow:0 2px 10px rgba(0,0,0,.25);font-weight:600}
.live a{color:var(--bg);text-decoration:underline}.live[hidden]{display:none}
.article-grid{display:grid;grid-template-columns:minmax(0,1fr);gap:24px}
.panel{border:1px solid var(--line);border-radius:8px;background:var(--card);padding:12px 14px;margin:16px 0}
.panel h2{font-size:1rem;margin:0 0 8px}.panel ul{margin:0;padding-left:18px}
.links{list-style:none;padding:0!important}.links li{padding:6px 0;border-bottom:1px solid var(--line)}.links li:last-child{border-bottom:0}
.links a{color:var(--fg);text-decoration:none;font-weight:600}.links a:hover{text-decoration:underline}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0 0 20px}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;word-break:break-word}
dd.err,.problem{color:var(--down)}.hint{color:var(--muted);font-size:.9rem}code{font-size:.9em;background:var(--chip);padding:0 4px;border-radius:4px}
.docs section{border-top:1px solid var(--line);padding-top:8px;margin-top:16px}.docs h2{font-size:1.05rem}
@media (min-width:760px){h1{font-size:2rem}}
@media (min-width:1000px){.article-grid{grid-template-columns:minmax(0,720px) minmax(0,300px)}.side{padding-top:60px}}
`;
