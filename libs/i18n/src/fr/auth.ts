import type { AuthMessages } from '../en/auth.js';

export const auth: AuthMessages = {
  signInTitle: 'Se connecter',
  signInLead: 'Nous vous envoyons par e-mail un lien de connexion : aucun mot de passe à retenir.',
  email: 'Adresse e-mail',
  sendLink: 'Recevoir un lien de connexion',
  linkSentTitle: 'Consultez vos e-mails',
  linkSent: (email: string) =>
    `Si un compte existe pour ${email}, un lien de connexion est en route. Il fonctionne une fois, pendant 15 minutes.`,
  orPassword: 'Ou connectez-vous avec votre mot de passe',
  password: 'Mot de passe',
  signInButton: 'Se connecter',
  wrongPassword: "L'adresse e-mail ou le mot de passe est incorrect.",
  noAccount: 'Pas encore de compte ?',
  magicTitle: 'Connexion à Convene',
  magicLead: 'Appuyez sur le bouton pour terminer la connexion sur cet appareil.',
  magicButton: 'Me connecter',
  linkInvalid:
    'Ce lien est invalide, a expiré ou a déjà été utilisé. Demandez-en un nouveau ci-dessous.',
  signedIn: 'Vous êtes connecté·e.',
  signedOut: 'Vous êtes déconnecté·e.',
};
