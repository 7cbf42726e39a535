import type { common as english } from '../en/common.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: the site frame, navigation and words used everywhere. A missing or extra key is a type error here. */
export const common: Translation<typeof english> = {
  'site.name': 'Camau',
  'site.tagline': 'Dysgu ar gyfer Amddiffyn Plant Effeithiol',
  'site.fictional': 'Mae pob achos yn Camau yn ffuglen. Peidiwch byth â rhoi gwybodaeth am blant neu deuluoedd go iawn.',
  'layout.skip': 'Neidio i’r prif gynnwys',
  'layout.menu': 'Prif ddewislen',
  'layout.language': 'Iaith',
  'layout.signedInAs': 'Wedi mewngofnodi fel {name}',
  'lang.other': 'English',
  'lang.otherLabel': 'read this page in English',

  'nav.home': 'Hafan',
  'nav.people': 'Pobl',
  'nav.teams': 'Timau',
  'nav.audit': 'Log archwilio',
  'nav.outbox': 'Blwch e-byst',
  'nav.account': 'Eich cyfrif',
  'nav.signIn': 'Mewngofnodi',
  'nav.signOut': 'Allgofnodi',

  'common.save': 'Cadw’r newidiadau',
  'common.cancel': 'Canslo',
  'common.back': 'Yn ôl',
  'common.search': 'Chwilio',
  'common.apply': 'Hidlo',
  'common.clear': 'Clirio',
  'common.any': 'Unrhyw un',
  'common.none': 'Dim',
  'common.name': 'Enw',
  'common.email': 'Cyfeiriad e-bost',
  'common.teams': 'Timau',
  'common.roles': 'Rolau',
  'common.language': 'Iaith',
  'common.status': 'Statws',
  'common.actions': 'Camau gweithredu',
  'common.never': 'Erioed',
  'common.optional': '(dewisol)',
  'common.previous': 'Blaenorol',
  'common.next': 'Nesaf',
  'common.showing': 'Yn dangos {from} i {to} o {total}',
  'common.pagination': 'Tudalennau',

  'nav.learning': 'Dysgu',
  'nav.reflections': 'Dyddlyfr myfyriol',
  'nav.cpd': 'Cofnod DPP',
  'nav.search': 'Chwilio',

  'nav.practice': 'Ymarfer trothwy',

  'nav.consistency': 'Cysondeb',
  'common.yes': 'Ydy',
  'common.no': 'Nac ydy',
  'nav.simulations': 'Efelychiadau',
};
