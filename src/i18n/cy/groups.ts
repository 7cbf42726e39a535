import type { groups as english } from '../en/groups.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: grwpiau cymorth mentor. A missing or extra key is a type error here. */
export const groups: Translation<typeof english> = {
  'groups.title': 'Grwpiau',
  'groups.intro': 'Grwpiau cymorth wedi’u hwyluso. Mae aelodau nad ydyn nhw’n fentoreion i chi yn ymddangos yn sesiynau eu grŵp yn unig.',
  'groups.empty': 'Does gennych chi ddim grwpiau eto.',
  'groups.new': 'Creu grŵp',
  'groups.name': 'Enw’r grŵp',
  'groups.members': 'Aelodau',
  'groups.membersCount': '{count} aelod',
  'groups.yourMentees': 'Eich mentoreion',
  'groups.others': 'Pobl eraill yn eich sefydliad',
  'groups.save': 'Cadw’r grŵp',
  'groups.saved': 'Mae’r grŵp wedi’i gadw.',
  'groups.sessions': 'Sesiynau’r grŵp hwn',
  'groups.noSessions': 'Dim sesiynau eto.',
  'groups.recordSession': 'Cofnodi sesiwn grŵp',
  'groups.group': 'Grŵp',
  'groups.attendance': 'Presenoldeb',
  'groups.attendance.present': 'Yn bresennol',
  'groups.attendance.apologies': 'Ymddiheuriadau',
  'groups.attendance.absent': 'Yn absennol',
  'groups.errors.noMembers': 'Dewiswch o leiaf un aelod.',
  'groups.errors.tooMany': 'Gall grŵp gael 40 aelod ar y mwyaf.',
  'groups.errors.member': 'Dewiswch aelodau o’ch sefydliad chi yn unig.',
  'groups.cancel': 'Canslo’r grŵp',
  'groups.cancelHint': 'Bydd y grŵp yn gadael eich rhestr a bydd ei sesiynau wedi’u cynllunio yn cael eu canslo: bydd pob aelod yn cael neges ganslo ar gyfer ei galendr ar unwaith. Mae sesiynau wedi’u cofnodi yn aros fel y maen nhw.',
  'groups.cancelConfirm': 'Ydw, canslo’r grŵp hwn a’i sesiynau wedi’u cynllunio',
  'groups.cancelledNotice': 'Mae’r grŵp wedi’i ganslo. Mae aelodau ei sesiynau wedi’u cynllunio wedi cael gwybod.',
  'groups.cancelledTag': 'Wedi’i ganslo',
  'groups.errors.confirmCancel': 'Ticiwch y blwch i gadarnhau eich bod am ganslo’r grŵp.',
};
