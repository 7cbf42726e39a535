/** English UI strings: the e-mails Camau sends. The Welsh file of the same name must match these keys. */
export const email = {
  'email.greeting': 'Hello {name},',
  'email.signature': 'Camau, {organisation}',
  'email.invitation.subject': 'You are invited to Camau',
  'email.invitation.body': '{organisation} has invited you to Camau, where you can learn and practise Effective Child Protection.\n\nSet your password using this link (it works once, for 7 days):\n{link}\n\nIf you were not expecting this email, you can ignore it.',
  'email.accountExists.subject': 'You already have a Camau account',
  'email.accountExists.body': '{organisation} tried to invite you to Camau, but this email address already has a Camau account with another organisation, so no new account was made.\n\nTo use Camau with {organisation} as well, ask them to invite you at a different email address. If you have forgotten your password, you can set a new one here:\n{link}\n\nIf you were not expecting this email, you can ignore it.',
  'email.reset.subject': 'Set a new Camau password',
  'email.reset.body': 'Someone asked to set a new password for your Camau account.\n\nUse this link to choose one (it works once, for one hour):\n{link}\n\nIf it was not you, ignore this email: your password stays as it is.',
  'email.linkWithheld': '[link not shown: it works only for the person this was sent to]',
  'email.digest.subject': 'Your Camau notices ({count})',
  'email.digest.intro': 'Here are your notices from Camau since the last summary ({count} in all):',
  'email.round.subject': 'Calibration round to answer: {title}',
  'email.round.body': '{organiser} has asked you to answer the fictional situations in the calibration round “{title}” (situations to answer: {count}). Answer on your own: nobody sees anyone else’s answers until the round closes.\n\nThe round is open from {opens} until {closes}. Find it here, or under Assigned to you on your home page:\n{link}',
} as const;
