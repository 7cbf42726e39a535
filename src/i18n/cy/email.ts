import type { email as english } from '../en/email.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: the e-mails Camau sends. A missing or extra key is a type error here. */
export const email: Translation<typeof english> = {
  'email.greeting': 'Helo {name},',
  'email.signature': 'Camau, {organisation}',
  'email.invitation.subject': 'Gwahoddiad i Camau',
  'email.invitation.body': 'Mae {organisation} wedi eich gwahodd i Camau, lle gallwch ddysgu ac ymarfer Amddiffyn Plant Effeithiol.\n\nGosodwch eich cyfrinair gyda’r ddolen hon (mae’n gweithio unwaith, am 7 diwrnod):\n{link}\n\nOs nad oeddech chi’n disgwyl yr e-bost hwn, gallwch ei anwybyddu.',
  'email.accountExists.subject': 'Mae gennych chi gyfrif Camau yn barod',
  'email.accountExists.body': 'Ceisiodd {organisation} eich gwahodd i Camau, ond mae gan y cyfeiriad e-bost hwn gyfrif Camau gyda sefydliad arall yn barod, felly ni chafodd cyfrif newydd ei wneud.\n\nI ddefnyddio Camau gyda {organisation} hefyd, gofynnwch iddyn nhw eich gwahodd mewn cyfeiriad e-bost gwahanol. Os ydych wedi anghofio eich cyfrinair, gallwch osod un newydd yma:\n{link}\n\nOs nad oeddech yn disgwyl yr e-bost hwn, gallwch ei anwybyddu.',
  'email.reset.subject': 'Gosod cyfrinair newydd ar gyfer Camau',
  'email.reset.body': 'Gofynnodd rhywun am osod cyfrinair newydd ar gyfer eich cyfrif Camau.\n\nDefnyddiwch y ddolen hon i ddewis un (mae’n gweithio unwaith, am awr):\n{link}\n\nOs nad chi oedd hyn, anwybyddwch yr e-bost hwn: bydd eich cyfrinair yn aros fel y mae.',
  'email.linkWithheld': '[dolen heb ei dangos: dim ond i’r sawl yr anfonwyd hwn ato y mae’n gweithio]',
  'email.digest.subject': 'Eich hysbysiadau Camau ({count})',
  'email.digest.intro': 'Dyma eich hysbysiadau gan Camau ers y crynodeb diwethaf ({count} i gyd):',
  'email.assignment.set.subject': 'Gwaith newydd gan {mentor}: {title}',
  'email.assignment.set.body': 'Mae {mentor} wedi neilltuo “{title}” i chi, i’w gwblhau erbyn {due}.\n\nFe welwch chi ef dan Wedi’i neilltuo i chi ar eich tudalen gartref, neu yma:\n{link}',
  'email.assignment.reminder.subject': 'I’w gwblhau ymhen dau ddiwrnod gwaith: {title}',
  'email.assignment.reminder.body': 'Mae “{title}” i’w gwblhau erbyn {due}.\n\nEwch ymlaen o’r lle y gwnaethoch adael yma:\n{link}',
  'email.assignment.overdue.subject': 'Yn hwyr: {title}',
  'email.assignment.overdue.body': 'Roedd “{title}” i’w gwblhau erbyn {due} ac nid yw wedi’i orffen eto. Os oes angen mwy o amser arnoch, siaradwch â’ch mentor.\n\n{link}',
  'email.assignment.overdueMentor.subject': 'Yn hwyr: {title} ({mentee})',
  'email.assignment.overdueMentor.body': 'Roedd y gwaith “{title}” a neilltuwyd gennych i {mentee} i’w gwblhau erbyn {due} ac nid yw wedi’i orffen eto. Gallwch newid y dyddiad cwblhau neu ei dynnu’n ôl yma:\n{link}',
  'email.round.subject': 'Rownd galibradu i’w hateb: {title}',
  'email.round.body': 'Mae {organiser} wedi gofyn i chi ateb y sefyllfaoedd ffuglennol yn y rownd galibradu “{title}” (sefyllfaoedd i’w hateb: {count}). Atebwch ar eich pen eich hun: does neb yn gweld atebion neb arall nes bod y rownd yn cau.\n\nMae’r rownd ar agor o {opens} tan {closes}. Dewch o hyd iddi yma, neu o dan Wedi’u neilltuo i chi ar eich tudalen gartref:\n{link}',
};
