// filter and sort the table in place: no library, nothing loaded from elsewhere
(function () {
  const table = document.getElementById('contracts');
  const rows = () => Array.from(table.tBodies[0].rows);
  document.getElementById('filter').addEventListener('input', e => {
    const q = e.target.value.toLowerCase();
    rows().forEach(r => { r.hidden = q && !r.textContent.toLowerCase().includes(q); });
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
