import { tf } from '../../src/nn/tf';

// Quiets tfjs's "install tfjs-node" banner: these tests mean to run on the plain CPU backend.
tf.env().set('IS_TEST', true);
// Chosen explicitly: left to itself tfjs would try the higher-priority wasm backend first.
await tf.setBackend('cpu');
