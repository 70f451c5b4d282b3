/**
 * The home page's only script: listens to /api/events and shows "N new articles — Show" in a fixed bar
 * (no layout shift, the list never jumps). Without JavaScript the page is complete as it is.
 */
export const LIVE_SCRIPT = `(function(){var bar=document.getElementById('live');if(!bar||!window.EventSource)return;
var only=bar.getAttribute('data-source'),n=0,a=0,out=bar.querySelector('.live-count');
var es=new EventSource('/api/events');es.onopen=function(){bar.setAttribute('data-state','open')};
es.addEventListener('articles',function(e){var d;try{d=JSON.parse(e.data)}catch(_){return}
if(only&&String(d.sourceId)!==only&&d.sourceId!==0)return;n+=d.stories||0;a+=d.count||0;
out.textContent=n>0?n+(n===1?' new story':' new stories'):a+(a===1?' new article':' new articles');bar.hidden=false;});
window.addEventListener('pagehide',function(){es.close()});})();`;
