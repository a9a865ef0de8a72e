/**
 * Kinematic skeleton generator: a forward-kinematics body posed by named joint angles, projected
 * by a pinhole camera into MediaPipe-style landmarks, for self-contained tests of posture logic.
 */
export * from './math';
export * from './body';
export * from './pose';
export * from './kinematics';
export * from './ik';
export * from './camera';
export * from './noise';
export * from './presets';
export * from './scene';
export * from './sequence';
export * from './desk';
