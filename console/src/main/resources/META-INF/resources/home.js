// filter and sort the table in place: no library, nothing loaded from elsewhere. The filter is
// kept in the address (?filter=), so that Back from a contract's page finds the list as it was.
(function () {
  const table = document.getElementById('contracts');
  const input = document.getElementById('filter');
  const rows = () => Array.from(table.tBodies[0].rows);
  const apply = q => rows().forEach(r => { r.hidden = q && !r.textContent.toLowerCase().includes(q); });
  const kept = new URLSearchParams(location.search).get('filter');
  if (kept) {
    input.value = kept;
    apply(kept.toLowerCase());
  }
  input.addEventListener('input', e => {
    const q = e.target.value;
    apply(q.toLowerCase());
    history.replaceState(null, '', q ? '?filter=' + encodeURIComponent(q) : location.pathname);
  });
  table.querySelectorAll('th button').forEach(b => b.addEventListener('click', () => {
    const i = Number(b.dataset.sort), asc = b.dataset.dir !== 'asc';
    b.dataset.dir = asc ? 'asc' : 'desc';
    const key = r => r.cells[i].dataset.value ?? r.cells[i].textContent.trim();
    rows().sort((x, y) => {
      const a = key(x), c = key(y), n = parseFloat(a) - parseFloat(c);
      return (isNaN(n) ? a.localeCompare(c) : n) * (asc ? 1 : -1);
    }).forEach(r => table.tBodies[0].appendChild(r));
  }));
})();
