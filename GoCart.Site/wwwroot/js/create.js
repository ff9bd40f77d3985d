// Data table comfort: arrow keys and Enter move between cells of a column, and pasting several lines (a column
// copied from a spreadsheet, tab-separated for several columns) fills the cells downwards from the focused one.
(() => {
  'use strict';
  const table = document.querySelector('table.data-table');
  if (!table) return;
  const rows = () => [...table.tBodies[0].rows];
  const inputsOf = (row) => [...row.querySelectorAll('input:not([type=hidden])')];

  const position = (input) => {
    const row = input.closest('tr');
    return { row: rows().indexOf(row), column: inputsOf(row).indexOf(input) };
  };

  const cell = (row, column) => {
    const all = rows();
    if (row < 0 || row >= all.length) return null;
    return inputsOf(all[row])[column] ?? null;
  };

  table.addEventListener('keydown', (event) => {
    const input = event.target.closest('input');
    if (!input) return;
    const { row, column } = position(input);
    let target = null;
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) target = cell(row + 1, column);
    else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) target = cell(row - 1, column);
    if (event.key === 'Enter') event.preventDefault();
    if (target) {
      event.preventDefault();
      target.focus();
      target.select();
    }
  });

  table.addEventListener('paste', (event) => {
    const input = event.target.closest('input');
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!input || !/[\n\t]/.test(text.trim())) return;
    event.preventDefault();
    const { row, column } = position(input);
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    lines.forEach((line, r) => {
      line.split('\t').forEach((value, c) => {
        const target = cell(row + r, column + c);
        if (target) target.value = value.trim();
      });
    });
    const filled = Math.min(lines.length, rows().length - row);
    const status = document.createElement('p');
    status.className = 'message';
    status.setAttribute('role', 'status');
    status.textContent = `Pasted ${filled} row${filled === 1 ? '' : 's'}.`;
    table.closest('.table-wrap').before(status);
    setTimeout(() => status.remove(), 4000);
  });
})();
