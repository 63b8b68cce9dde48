/** 'smooth' unless the trainee asked the phone for reduced motion (then a jump, never an animation). */
export function scrollBehavior(): ScrollBehavior {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? 'auto' : 'smooth';
}
