/**
 * The text to show for a failed call. Errors from the api carry a message written for the
 * person (the contract turns anything else into a plain sentence), so the message is shown
 * as it is; never a stack.
 */
export function userMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim()) return error.message
  return 'Something went wrong and nothing was changed. Please try again.'
}
