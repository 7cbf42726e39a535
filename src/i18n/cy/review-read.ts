import type { reviewRead as english } from '../en/review-read.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: darllen gwaith a gyflwynwyd i’w adolygu, ffigurau MITI y mentor, cyflwyno cofnod o’r log myfyriol. A missing or extra key is a type error here. */
export const reviewRead: Translation<typeof english> = {
  'reviewRead.simulation.scenario': 'Efelychiad: {title}',
  'reviewRead.simulation.changed': 'Mae’r efelychiad hwn wedi newid ers gwneud yr ymgais, felly does dim modd dangos y trawsgrifiad na’r ôl-drafodaeth. Mae eu geiriau eu hunain isod.',
  'reviewRead.threshold.vignette': 'Ymarfer trothwy: {title}',
  'reviewRead.threshold.changed': 'Mae’r ymarfer hwn wedi newid ers gwneud yr ymgais, felly does dim modd dangos y penderfyniadau wrth ymyl rhai’r panel.',
  'reviewRead.threshold.unfinished': 'Does dim asesiad yn yr ymgais hon eto.',
  'reviewRead.threshold.followUp': 'Eu camau dilynol',
  'reviewRead.debrief.mentorCode': 'Cod y mentor ymarfer: {code}',
  'reviewRead.debrief.mentorCounted': 'Mae’r mentor ymarfer wedi codio’r ymatebion yng ngeiriau’r dysgwr ei hun. Codau’r mentor sy’n cyfrif yn y ffigurau; mae’r ffigurau o godau’r dysgwr ei hun wrth eu hymyl.',
  'reviewRead.debrief.mentorCoded': 'Codau’r mentor',
  'reviewRead.debrief.selfCoded': 'O godau’r dysgwr ei hun',
  'reviewRead.agreement.withKappa': 'Rhoddodd y dysgwr a’r mentor yr un cod i {percent}% o’r {n} ymateb a godiwyd gan y mentor (kappa Cohen {kappa}).',
  'reviewRead.agreement.noKappa': 'Rhoddodd y dysgwr a’r mentor yr un cod i {percent}% o’r {n} ymateb a godiwyd gan y mentor. Does dim modd cyfrifo kappa Cohen ar gyfer yr ymatebion hyn (er enghraifft pan fo’r un cod gan bob un), felly dim ond y ganran a roddir.',
  'reviewRead.reflection.intro': 'Mae cofnod yn aros yn breifat oni bai eich bod yn ei gyflwyno i’w adolygu: mae ei gyflwyno yn ei rannu â’ch mentor ymarfer.',
  'reviewRead.reflection.shared': 'Wedi’i rannu â’ch mentor',
  'reviewRead.reflection.submitShared': 'Mae’r cofnod hwn wedi’i rannu â’ch mentor. Cyflwynwch ef i ofyn am eu hadborth.',
  'reviewRead.reflection.submitShares': 'Mae cyflwyno’r cofnod hwn yn ei rannu â’ch mentor ymarfer, a fydd yn ei ddarllen ac yn rhoi adborth. Mae eich cofnodion eraill yn aros yn breifat.',
  'reviewRead.reflection.state.submitted': 'Mae fersiwn {version} yn aros i’ch mentor ei adolygu.',
  'reviewRead.reflection.state.revision-asked': 'Mae eich mentor wedi gofyn am ddiwygio fersiwn {version}. Gallwch ei gyflwyno eto.',
  'reviewRead.reflection.state.feedback-released': 'Mae eich mentor wedi rhyddhau adborth ar fersiwn {version}.',
  'reviewRead.reflection.notFound': 'Dydy’r cofnod hwnnw ddim yn eich log myfyriol.',
  'reviewRead.reflection.noMentor': 'Does gennych chi ddim mentor ymarfer i’w gyflwyno iddo eto. Gweinyddwr sy’n eich cysylltu â’ch mentor.',
  'reviewRead.reflection.untitled': 'Cofnod yn y log myfyriol',
};
