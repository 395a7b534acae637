/** What every teacher page says: the colon between a label and its value, and the links between the pages. */
export const en = {
  colon: ': ',

  'nav.assignments': 'Assignments',
  'nav.results': 'All results',
};

export const zh: Record<keyof typeof en, string> = {
  colon: '：',

  'nav.assignments': '作业',
  'nav.results': '全部成绩',
};
