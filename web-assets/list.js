// The entries list: newest first, drawn a page at a time (the next page comes as the person
// scrolls near the end, or taps "Show more"), and a search over every entry's answers. A row is
// built once per version of its record and reused, so a change redraws only the rows it touched
// and a phone holding thousands of entries draws what is on screen, not all of them.

import { isDeleted } from './entries.js';
import { entryItem, searchText } from './list-item.js';
import { markOf } from './receipts.js';

const PAGE = 40;

export class EntriesList {
  #list;
  #more;
  #search;
  #searchField;
  #noMatch;
  #actions;
  #context = { formById: new Map(), authorOf: () => '', mayEdit: () => false, receipts: null };
  /** Every entry not deleted, newest first; the ones the search finds; how many of them are drawn. */
  #newestFirst = [];
  #matching = [];
  #shown = PAGE;
  #query = '';
  /** record → { li, form, by, editable, mark }: records are replaced, never changed, when they change. */
  #rows = new WeakMap();
  /** record → { form, text }: the lower-case text the search looks in, for that version of its form. */
  #texts = new WeakMap();
  #observer;

  /** `actions`: { onEdit, onRetry, onDiscard }, each called with an entry's uuid. */
  constructor({ list, more, search, searchField, noMatch, actions }) {
    this.#list = list;
    this.#more = more;
    this.#search = search;
    this.#searchField = searchField;
    this.#noMatch = noMatch;
    this.#actions = actions;
    search.addEventListener('input', () => {
      this.#query = search.value.trim().toLowerCase();
      this.#shown = PAGE;
      this.#filter();
      this.#draw();
    });
    more.addEventListener('click', () => this.#showMore());
    // the next page is drawn before the end comes into view
    this.#observer = new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting)) this.#showMore();
    }, { rootMargin: '0px 0px 600px 0px' });
    this.#observer.observe(more);
  }

  /**
   * Shows `records` (all the phone holds, any order). `authorOf(record)`: who made it, in words;
   * `mayEdit(record)`: gets the Edit action; `receipts`: what the team's server holds (null: the
   * master does not say). Returns the number of entries (deleted ones aside).
   */
  update(records, { forms, authorOf, mayEdit, receipts }) {
    this.#context = { formById: new Map(forms.map((f) => [f.id, f])), authorOf, mayEdit, receipts };
    this.#newestFirst = records.filter((r) => !isDeleted(r)).sort((a, b) => b.createdAt - a.createdAt);
    this.#filter();
    this.#draw();
    return this.#newestFirst.length;
  }

  #filter() {
    const query = this.#query;
    this.#matching = query ? this.#newestFirst.filter((r) => this.#textOf(r).includes(query)) : this.#newestFirst;
  }

  #showMore() {
    if (this.#shown >= this.#matching.length) return;
    this.#shown += PAGE;
    this.#draw();
    // observed afresh: when the end is still within reach after this page, the observer says so again
    this.#observer.unobserve(this.#more);
    this.#observer.observe(this.#more);
  }

  /** Makes the list's items the wanted rows, moving, adding and removing only what differs. */
  #draw() {
    const wanted = this.#matching.slice(0, this.#shown).map((r) => this.#rowOf(r));
    const keep = new Set(wanted);
    let node = this.#list.firstElementChild;
    for (const li of wanted) {
      while (node && !keep.has(node)) node = removeAndNext(node);
      if (node === li) node = node.nextElementSibling;
      else this.#list.insertBefore(li, node);
    }
    while (node) node = removeAndNext(node);
    this.#more.hidden = this.#shown >= this.#matching.length;
    this.#noMatch.hidden = !this.#query || this.#matching.length > 0;
    this.#searchField.hidden = this.#newestFirst.length === 0 && !this.#query;
  }

  #rowOf(record) {
    const { formById, authorOf, mayEdit, receipts } = this.#context;
    const form = formById.get(record.formId);
    const by = authorOf(record); // a teammate's name may arrive after the row was drawn
    const editable = mayEdit(record);
    // receipts move without the record changing: the row is built again only when its mark does
    const mark = markOf(record, receipts);
    const row = this.#rows.get(record);
    if (row && row.form === form && row.by === by && row.editable === editable && row.mark === mark) return row.li;
    const li = entryItem(record, form, by, editable, mark, this.#actions);
    this.#rows.set(record, { li, form, by, editable, mark });
    return li;
  }

  #textOf(record) {
    const form = this.#context.formById.get(record.formId);
    const known = this.#texts.get(record);
    if (known?.form === form) return known.text;
    const text = searchText(record, form);
    this.#texts.set(record, { form, text });
    return text;
  }
}

function removeAndNext(node) {
  const next = node.nextElementSibling;
  node.remove();
  return next;
}
