import type { FlowMessages } from './FlowMessages'

/** Textes français des parcours de sauvegarde et de restauration. */
export const flowMessagesFr: FlowMessages = {
  backupTitle: 'Sauvegarder votre identité sécurisée',
  restoreTitle: 'Restaurer votre identité sécurisée',
  backupDescription:
    'Votre identité est chiffrée sur cet appareil avant d’être stockée, pour que vous puissiez la récupérer sur un nouvel appareil.',
  restoreDescription: 'Saisissez le code que nous vous avons envoyé pour récupérer votre identité sur cet appareil.',
  backupStart: 'Sauvegarder maintenant',
  restoreStart: 'M’envoyer un code',
  flowStarting: 'Préparation…',
  flowSaving: 'Enregistrement de votre sauvegarde…',
  flowRestoring: 'Restauration de votre identité…',
  flowRenewing: 'Sécurisation de votre compte avec de nouvelles clés…',
  backupDone: 'Votre identité est sauvegardée.',
  restoreDone: 'Votre identité est restaurée sur cet appareil.',
  restoreDoneNotResaved:
    'Votre identité est restaurée sur cet appareil. Sa sauvegarde sera mise à jour la prochaine fois.',
  retry: 'Réessayer',
  flowErrors: {
    VALIDATION: 'Cette demande est incorrecte. Veuillez contacter le support.',
    INVALID_CHALLENGE: 'Ce code n’est pas valide. Vérifiez-le et réessayez.',
    SESSION_NOT_FOUND: 'Ce code a expiré. Demandez-en un nouveau.',
    IDENTITY_NOT_FOUND: 'Aucune sauvegarde n’a été trouvée pour ce compte.',
    WRONG_KEY: 'Cette sauvegarde ne peut pas être ouverte avec ce compte.',
    SMS_QUOTA: 'Plus aucun SMS ne peut être envoyé pour le moment. Réessayez plus tard.',
    RATE_LIMITED: 'Trop de tentatives. Demandez un nouveau code dans un instant.',
    USER_NOT_FOUND: 'Ce compte n’est pas encore prêt pour les sauvegardes. Veuillez contacter le support.',
    UNAUTHORIZED: 'Vous n’êtes pas autorisé à faire cela. Reconnectez-vous.',
    NETWORK: 'Vous semblez hors ligne. Vérifiez votre connexion et réessayez.',
    TIMEOUT: 'Le serveur a mis trop de temps à répondre. Réessayez.',
    SERVER: 'Une erreur s’est produite de notre côté. Réessayez.',
    ABORTED: 'Annulé.',
    UNKNOWN: 'Une erreur s’est produite. Réessayez.',
  },
}
