import type { AuthMessages } from '../en/auth.js';

export const auth: AuthMessages = {
  signInTitle: 'Entrar',
  signInLead: 'Le enviamos por correo un enlace para entrar: ninguna contraseña que recordar.',
  email: 'Correo electrónico',
  sendLink: 'Enviarme un enlace para entrar',
  linkSentTitle: 'Revise su correo',
  linkSent: (email: string) =>
    `Si existe una cuenta para ${email}, le llega un enlace para entrar. Funciona una vez, durante 15 minutos.`,
  orPassword: 'O entre con su contraseña',
  password: 'Contraseña',
  signInButton: 'Entrar',
  wrongPassword: 'El correo o la contraseña no son correctos.',
  noAccount: '¿Todavía no tiene cuenta?',
  magicTitle: 'Entrar en Convene',
  magicLead: 'Pulse el botón para terminar de entrar en este dispositivo.',
  magicButton: 'Entrar',
  linkInvalid: 'Este enlace no es válido, ha caducado o ya se usó. Pida uno nuevo abajo.',
  signedIn: 'Ha entrado.',
  signedOut: 'Ha salido.',
};
