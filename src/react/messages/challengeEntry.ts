/**
 * Every string `ChallengeEntry` shows or announces, including its accessible names: nothing in
 * the component is hard-coded English. Values are plain strings so they merge and serialise
 * like the flows' strings; `{name}` placeholders are filled in by the component.
 */
export interface ChallengeEntryMessages {
  /** The field's label (also its accessible name). */
  label: string
  /** Shown under the field and read with it: what a code looks like. */
  hint: string
  /** `{destination}`: the masked email or phone number ("j•••@example.com"). */
  destination: string
  /** One refused character, quoted the way the language quotes (`{character}`). */
  refusedCharacter: string
  /** Shown and announced when typed or pasted characters cannot be in a code. `{characters}`: the quoted list. */
  refusedCharacters: string
  /** Shown and announced when pasted text holds no 8-character code. */
  noCodeFound: string
  /** Announced while the code is being checked. */
  verifying: string
  /** Shown and announced once the code is accepted. */
  success: string
  /** The resend button, when a new code can be asked for. */
  resend: string
  /** The resend button while the new code is being asked for. */
  resendSending: string
  /** The resend button during its cooldown. `{seconds}`: whole seconds left. */
  resendIn: string
  /** Announced when a new code went out. `{destination}`: the masked destination. */
  codeSent: string
  /** Announced when a new code went out and the destination is unknown. */
  codeSentNoDestination: string
}

/** English strings of the code field. */
export const challengeEntryMessagesEn: ChallengeEntryMessages = {
  label: 'Verification code',
  hint: 'Enter the 8-character code. It has letters and the digits 2 to 9.',
  destination: 'We sent a code to {destination}.',
  refusedCharacter: '“{character}”',
  refusedCharacters: 'Not entered: {characters}. Codes only use letters and the digits 2 to 9, never 0, 1, i, l or o.',
  noCodeFound: 'No 8-character code was found in the pasted text.',
  verifying: 'Checking the code…',
  success: 'Code accepted.',
  resend: 'Send a new code',
  resendSending: 'Sending a new code…',
  resendIn: 'Send a new code in {seconds} s',
  codeSent: 'New code sent to {destination}.',
  codeSentNoDestination: 'A new code was sent.',
}

/** Textes français du champ de code (espaces insécables avant « : » et dans les guillemets). */
export const challengeEntryMessagesFr: ChallengeEntryMessages = {
  label: 'Code de vérification',
  hint: 'Saisissez le code à 8 caractères. Il contient des lettres et les chiffres de 2 à 9.',
  destination: 'Nous avons envoyé un code à {destination}.',
  refusedCharacter: '«\u00a0{character}\u00a0»',
  refusedCharacters:
    'Non saisi\u00a0: {characters}. Les codes n’utilisent que des lettres et les chiffres de 2 à 9, jamais 0, 1, i, l ou o.',
  noCodeFound: 'Aucun code à 8 caractères n’a été trouvé dans le texte collé.',
  verifying: 'Vérification du code…',
  success: 'Code accepté.',
  resend: 'Envoyer un nouveau code',
  resendSending: 'Envoi d’un nouveau code…',
  resendIn: 'Nouveau code possible dans {seconds}\u00a0s',
  codeSent: 'Nouveau code envoyé à {destination}.',
  codeSentNoDestination: 'Un nouveau code a été envoyé.',
}
