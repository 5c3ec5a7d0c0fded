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
  forgotLink: '¿Ha olvidado su contraseña?',
  signUpTitle: 'Crear una cuenta',
  signUpLead:
    'Una sola cuenta para todos los encuentros de la red. Le enviamos un enlace por correo para confirmar su dirección.',
  name: 'Nombre completo',
  nameHint: 'Tal como figura en su pasaporte, para que su credencial y sus cartas coincidan.',
  locale: 'Idioma de sus correos',
  organisation: 'Organización',
  organisationPlaceholder: 'Elija su organización',
  organisationHint:
    '¿No está en la lista? Déjelo vacío e indíquela a la organización al inscribirse.',
  passwordOptional: 'Contraseña (opcional)',
  passwordHint:
    'Al menos 10 caracteres. Sin contraseña, entrará cada vez con un enlace que le enviamos por correo.',
  signUpButton: 'Crear mi cuenta',
  haveAccount: '¿Ya tiene una cuenta?',
  emailTaken: 'Ya existe una cuenta con esta dirección. Entre, o pida una nueva contraseña.',
  checkEmailTitle: 'Confirme su dirección de correo',
  checkEmailBody: (email: string) =>
    `Hemos enviado un enlace a ${email}. Ábralo para confirmar la dirección: mientras tanto no podrá inscribirse en ningún evento. Funciona durante 48 horas.`,
  checkEmailSpam:
    '¿No ha recibido nada tras unos minutos? Mire en la carpeta de correo no deseado, o envíe el enlace de nuevo.',
  resendButton: 'Enviar el enlace de nuevo',
  resendSent: (email: string) =>
    `Si ${email} corresponde a una cuenta aún sin confirmar, va en camino un nuevo enlace.`,
  verifyTitle: 'Confirme su dirección de correo',
  verifyLead: 'Pulse el botón para confirmar su dirección y entrar en este dispositivo.',
  verifyButton: 'Confirmar mi dirección',
  verifyInvalid:
    'Este enlace de confirmación no es válido, ha caducado o ya se usó. Si su dirección aún no está confirmada, pida un nuevo enlace aquí abajo.',
  emailVerified: 'Gracias: su dirección de correo está confirmada y ha entrado en Convene.',
  forgotTitle: 'Contraseña olvidada',
  forgotLead:
    'Escriba su dirección de correo: le enviaremos un enlace para elegir una nueva contraseña.',
  forgotButton: 'Recibir un enlace',
  forgotSent: (email: string) =>
    `Si existe una cuenta para ${email}, va en camino un enlace para elegir una nueva contraseña. Funciona una sola vez, durante una hora.`,
  resetTitle: 'Elegir una nueva contraseña',
  resetLead:
    'Cuando la cambie, se cerrará la sesión en todos los demás dispositivos conectados a su cuenta.',
  newPassword: 'Nueva contraseña',
  newPasswordHint: 'Al menos 10 caracteres.',
  newPasswordAgain: 'Repita la nueva contraseña',
  resetButton: 'Guardar mi nueva contraseña',
  resetInvalid: 'Este enlace no es válido, ha caducado o ya se usó. Pida uno nuevo aquí abajo.',
  passwordChanged:
    'Su nueva contraseña está guardada. Ha entrado en Convene solo en este dispositivo.',
};
