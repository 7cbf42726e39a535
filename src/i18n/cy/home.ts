import type { home as english } from '../en/home.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: the landing page and the home page. A missing or extra key is a type error here. */
export const home: Translation<typeof english> = {
  'landing.title': 'Camau: camau tuag at newid',
  'landing.lead': 'Dysgu dwyieithog ar gyfer Amddiffyn Plant Effeithiol: sgyrsiau cydweithredol, trothwyon cyson, ffocws clir ar newid a mesur pob cam tuag ato.',
  'landing.components': 'Y pedair elfen',
  'landing.conversations': 'Sgyrsiau',
  'landing.conversationsText': 'Sgyrsiau Cydweithredol gyda theuluoedd, yn debyg i Gyfweld Ysgogiadol.',
  'landing.thresholds': 'Trothwyon',
  'landing.thresholdsText': 'Penderfyniadau cyson am debygolrwydd niwed sylweddol, gan ddefnyddio’r Model Risg.',
  'landing.change': 'Newid',
  'landing.changeText': 'Tua thri maes newid, gyda thystiolaeth o’r hyn nad yw’n ddigon da nawr a sut olwg fydd ar ddigon da.',
  'landing.measure': 'Mesur',
  'landing.measureText': 'Camau tuag at newid, ar raddfa o 1 i 10 yng ngeiriau’r teulu ei hun.',
  'landing.signIn': 'Mewngofnodi i Camau',

  'home.title': 'Hafan',
  'home.welcome': 'Croeso, {name}',
  'home.organisation': 'Sefydliad',
  'home.learner.heading': 'Fy nysgu',
  'home.learner.empty': 'Does dim wedi’i neilltuo i chi eto. Pan fydd modiwlau hyfforddi, efelychiadau achos ac ymarfer trothwy yn cael eu neilltuo, byddant yn cael eu rhestru yma.',
  'home.learner.mentor': 'Eich mentor ymarfer',
  'home.learner.noMentor': 'Does gennych chi ddim mentor ymarfer eto.',
  'home.learner.teams': 'Eich timau',
  'home.learner.noTeams': 'Dydych chi ddim mewn tîm eto.',
  'home.mentor.heading': 'Fy mentoreion',
  'home.mentor.empty': 'Does gennych chi ddim mentoreion eto. Gweinyddwr sy’n cysylltu mentoreion â’u mentor ymarfer.',
  'home.manager.heading': 'Fy nhimau',
  'home.manager.empty': 'Dydych chi ddim yn rheoli tîm eto. Gweinyddwr sy’n neilltuo timau i’w rheolwyr.',
  'home.manager.members': 'Aelodau',
  'home.manager.noMembers': 'Does gan y tîm hwn ddim aelodau eto.',
  'home.admin.heading': 'Sefydliad',
  'home.admin.summary': 'Pobl yn ôl statws',
  'home.admin.teams': 'Timau',
  'home.admin.manage': 'Rheoli pobl',
};
