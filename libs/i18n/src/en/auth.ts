/** English wording of the sign-in pages: the reference every other language matches key for key. */
export const auth = {
  signInTitle: 'Sign in',
  signInLead: 'We email you a link that signs you in: no password to remember.',
  email: 'Email address',
  sendLink: 'Email me a sign-in link',
  linkSentTitle: 'Check your email',
  linkSent: (email: string) =>
    `If an account exists for ${email}, a sign-in link is on its way. It works once, for 15 minutes.`,
  orPassword: 'Or sign in with your password',
  password: 'Password',
  signInButton: 'Sign in',
  wrongPassword: 'The email address or the password is wrong.',
  noAccount: 'No account yet?',
  magicTitle: 'Sign in to Convene',
  magicLead: 'Press the button to finish signing in on this device.',
  magicButton: 'Sign me in',
  linkInvalid: 'This link is invalid, has expired or was already used. Ask for a new one below.',
  signedIn: 'You are signed in.',
  signedOut: 'You are signed out.',
  forgotLink: 'Forgotten your password?',
  // Sign-up and the confirmation of the address.
  signUpTitle: 'Create an account',
  signUpLead:
    'One account for every meeting of the network. We email you a link to confirm your address.',
  name: 'Full name',
  nameHint: 'As written on your passport, so your badge and letters match it.',
  locale: 'Language of your emails',
  organisation: 'Organisation',
  organisationPlaceholder: 'Choose your organisation',
  organisationHint: 'Not in the list? Leave it empty and tell the organisers when you register.',
  passwordOptional: 'Password (optional)',
  passwordHint:
    'At least 10 characters. Without one, you sign in with a link we email you each time.',
  signUpButton: 'Create my account',
  haveAccount: 'Already have an account?',
  emailTaken: 'An account already uses this address. Sign in, or ask for a new password.',
  checkEmailTitle: 'Confirm your email address',
  checkEmailBody: (email: string) =>
    `We have sent a link to ${email}. Open it to confirm the address: until then you cannot register for an event. It works for 48 hours.`,
  checkEmailSpam: 'Nothing after a few minutes? Look in your spam folder, or send the link again.',
  resendButton: 'Send the link again',
  resendSent: (email: string) =>
    `If ${email} has an account still to be confirmed, a new link is on its way.`,
  verifyTitle: 'Confirm your email address',
  verifyLead: 'Press the button to confirm your address and sign in on this device.',
  verifyButton: 'Confirm my address',
  verifyInvalid:
    'This confirmation link is invalid, has expired or was already used. If your address is not confirmed yet, ask for a new link below.',
  emailVerified: 'Thank you: your email address is confirmed and you are signed in.',
  // Forgotten password.
  forgotTitle: 'Forgotten password',
  forgotLead: 'Enter your email address: we send you a link to choose a new password.',
  forgotButton: 'Email me a link',
  forgotSent: (email: string) =>
    `If an account exists for ${email}, a link to choose a new password is on its way. It works once, for one hour.`,
  resetTitle: 'Choose a new password',
  resetLead: 'Once it is changed, every other device signed in to your account is signed out.',
  newPassword: 'New password',
  newPasswordHint: 'At least 10 characters.',
  newPasswordAgain: 'New password again',
  resetButton: 'Save my new password',
  resetInvalid: 'This link is invalid, has expired or was already used. Ask for a new one below.',
  passwordChanged: 'Your new password is saved. You are signed in on this device only.',
};

export type AuthMessages = typeof auth;
