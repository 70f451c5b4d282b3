/**
 * The home page's only script: listens to /api/events and shows "N new articles — Show" in a fixed bar
 * (no layout shift, the list never jumps). Without JavaScript the page is complete as it is.
 */
export const LIVE_SCRIPT = `(function(){var bar=document.getElementById('live');if(!bar||!window.EventSource)return;
var only=bar.getAttribute('data-source'),n=0,out=bar.querySelector('.live-count');
var es=new EventSource('/api/events');
es.addEventListener('articles',function(e){var d;try{d=JSON.parse(e.data)}catch(_){return}
if(only&&String(d.sourceId)!==only)return;n+=d.count||1;
out.textContent=n+(n===1?' new article':' new articles');bar.hidden=false;});
window.addEventListener('pagehide',function(){es.close()});})();`;
