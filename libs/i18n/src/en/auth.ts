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
};

export type AuthMessages = typeof auth;
