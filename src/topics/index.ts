/** @module topics — classify articles into reader topics (crypto, stocks, macro…) from their text and linked instruments. */
export { classifyTopics, MAX_TOPICS, scoreTopics, TOPIC_THRESHOLD, type TopicInput, type TopicScore } from './classify.ts';
export { isTopic, TOPIC_SPECS, TOPICS, type Topic, type TopicSpec } from './topics.ts';
