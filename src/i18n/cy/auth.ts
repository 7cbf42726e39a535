import type { auth as english } from '../en/auth.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: signing in, passwords and the account page. A missing or extra key is a type error here. */
export const auth: Translation<typeof english> = {
  'signIn.title': 'Mewngofnodi',
  'signIn.email': 'Cyfeiriad e-bost',
  'signIn.password': 'Cyfrinair',
  'signIn.submit': 'Mewngofnodi',
  'signIn.forgot': 'Wedi anghofio eich cyfrinair?',
  'signIn.invalid': 'Nid yw’r cyfeiriad e-bost neu’r cyfrinair yn gywir. Gwiriwch nhw a rhowch gynnig arall arni.',
  'signIn.lockedOne': 'Gormod o ymdrechion. Rhowch gynnig arall arni ymhen 1 munud.',
  'signIn.lockedMany': 'Gormod o ymdrechion. Rhowch gynnig arall arni ymhen {minutes} munud.',
  'signIn.signedOut': 'Rydych chi wedi allgofnodi.',
  'signIn.expired': 'Mae eich sesiwn wedi dod i ben. Mewngofnodwch eto i barhau.',

  'forgot.title': 'Wedi anghofio cyfrinair',
  'forgot.intro': 'Rhowch y cyfeiriad e-bost rydych chi’n ei ddefnyddio ar gyfer Camau. Byddwn yn anfon dolen i osod cyfrinair newydd.',
  'forgot.submit': 'Anfon y ddolen',
  'forgot.sent': 'Os oes cyfrif yn defnyddio {email}, rydym wedi anfon dolen ato i osod cyfrinair newydd. Mae’r ddolen yn gweithio unwaith, am awr.',
  'forgot.back': 'Yn ôl i fewngofnodi',

  'setPassword.title': 'Gosod eich cyfrinair',
  'setPassword.intro': 'Dewiswch gyfrinair ar gyfer {email}.',
  'setPassword.new': 'Cyfrinair newydd',
  'setPassword.confirm': 'Teipiwch y cyfrinair newydd eto',
  'setPassword.hint': 'Rhwng 8 a 128 nod. Mae ymadrodd byr y gallwch ei gofio yn ddewis da.',
  'setPassword.submit': 'Gosod cyfrinair a mewngofnodi',
  'setPassword.invalidLink': 'Nid yw’r ddolen hon yn gweithio. Efallai ei bod wedi dod i ben neu wedi cael ei defnyddio’n barod.',
  'setPassword.requestNew': 'Gofyn am ddolen newydd',

  'account.title': 'Eich cyfrif',
  'account.details': 'Eich manylion',
  'account.languageHeading': 'Iaith',
  'account.languageHint': 'Bydd Camau yn defnyddio’r iaith hon ar gyfer ei dudalennau ac ar gyfer yr e-byst y mae’n eu hanfon atoch.',
  'account.saveLanguage': 'Cadw’r iaith',
  'account.languageSaved': 'Mae eich dewis iaith wedi’i gadw.',
  'account.passwordHeading': 'Newid eich cyfrinair',
  'account.currentPassword': 'Cyfrinair presennol',
  'account.currentWrong': 'Nid yw eich cyfrinair presennol yn gywir.',
  'account.signOutOthers': 'Allgofnodi fi ar bob dyfais arall',
  'account.changePassword': 'Newid cyfrinair',
  'account.passwordChanged': 'Mae eich cyfrinair wedi’i newid.',
  'account.sessionsHeading': 'Dyfeisiau sydd wedi mewngofnodi',
  'account.signOutEverywhere': 'Allgofnodi ym mhobman',
};
