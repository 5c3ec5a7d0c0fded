import type { UnsubscribeMessages } from '../en/unsubscribe.js';

export const unsubscribe: UnsubscribeMessages = {
  title: 'Ne plus recevoir les annonces',
  lead: (event: string) => `Les annonces facultatives des organisateurs de ${event}.`,
  explain:
    'Vous recevrez toujours les messages sur votre inscription, vos sessions et votre lettre d’invitation, ainsi que les annonces que les organisateurs marquent comme essentielles.',
  confirm: 'Ne plus recevoir ces annonces',
  done: (event: string) => `Vous ne recevrez plus les annonces facultatives de ${event}.`,
  already: (event: string) => `Vous ne recevez déjà plus les annonces facultatives de ${event}.`,
};
