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
  forgotLink: 'Mot de passe oublié ?',
  signUpTitle: 'Créer un compte',
  signUpLead:
    'Un seul compte pour toutes les rencontres du réseau. Nous vous envoyons un lien par e-mail pour confirmer votre adresse.',
  name: 'Nom complet',
  nameHint:
    'Tel qu’il figure sur votre passeport, pour que votre badge et vos lettres y correspondent.',
  locale: 'Langue de vos e-mails',
  organisation: 'Organisation',
  organisationPlaceholder: 'Choisissez votre organisation',
  organisationHint:
    "Elle n'est pas dans la liste ? Laissez vide et indiquez-la à l'équipe d'organisation lors de votre inscription.",
  passwordOptional: 'Mot de passe (facultatif)',
  passwordHint:
    'Au moins 10 caractères. Sans mot de passe, vous vous connectez chaque fois avec un lien envoyé par e-mail.',
  signUpButton: 'Créer mon compte',
  haveAccount: 'Vous avez déjà un compte ?',
  emailTaken:
    'Un compte utilise déjà cette adresse. Connectez-vous, ou demandez un nouveau mot de passe.',
  checkEmailTitle: 'Confirmez votre adresse e-mail',
  checkEmailBody: (email: string) =>
    `Nous avons envoyé un lien à ${email}. Ouvrez-le pour confirmer l’adresse : d’ici là, vous ne pouvez pas vous inscrire à un événement. Il fonctionne pendant 48 heures.`,
  checkEmailSpam:
    'Rien reçu après quelques minutes ? Regardez dans vos courriers indésirables, ou renvoyez le lien.',
  resendButton: 'Renvoyer le lien',
  resendSent: (email: string) =>
    `Si ${email} correspond à un compte encore à confirmer, un nouveau lien est en route.`,
  verifyTitle: 'Confirmez votre adresse e-mail',
  verifyLead:
    'Appuyez sur le bouton pour confirmer votre adresse et vous connecter sur cet appareil.',
  verifyButton: 'Confirmer mon adresse',
  verifyInvalid:
    "Ce lien de confirmation est invalide, a expiré ou a déjà servi. Si votre adresse n'est pas encore confirmée, demandez un nouveau lien ci-dessous.",
  emailVerified: 'Merci : votre adresse e-mail est confirmée et vous êtes connecté·e.',
  forgotTitle: 'Mot de passe oublié',
  forgotLead:
    'Indiquez votre adresse e-mail : nous vous envoyons un lien pour choisir un nouveau mot de passe.',
  forgotButton: 'Recevoir un lien',
  forgotSent: (email: string) =>
    `Si un compte existe pour ${email}, un lien pour choisir un nouveau mot de passe est en route. Il fonctionne une fois, pendant une heure.`,
  resetTitle: 'Choisir un nouveau mot de passe',
  resetLead:
    'Une fois le mot de passe changé, tous les autres appareils connectés à votre compte sont déconnectés.',
  newPassword: 'Nouveau mot de passe',
  newPasswordHint: 'Au moins 10 caractères.',
  newPasswordAgain: 'Nouveau mot de passe, une seconde fois',
  resetButton: 'Enregistrer mon nouveau mot de passe',
  resetInvalid:
    'Ce lien est invalide, a expiré ou a déjà servi. Demandez-en un nouveau ci-dessous.',
  passwordChanged:
    'Votre nouveau mot de passe est enregistré. Vous êtes connecté·e sur cet appareil seulement.',
};
